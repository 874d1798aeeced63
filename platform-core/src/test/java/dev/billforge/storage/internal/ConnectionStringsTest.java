package dev.billforge.storage.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConnectionStringsTest {

	@Test
	void addsTheDatabaseWhereTheUriHasNone() {
		assertThat(ConnectionStrings.withDatabase("mongodb://h1:27017", "billforge"))
			.isEqualTo("mongodb://h1:27017/billforge");
		assertThat(ConnectionStrings.withDatabase("mongodb://h1:27017/", "billforge"))
			.isEqualTo("mongodb://h1:27017/billforge");
	}

	@Test
	void replacesTheUrisDatabaseAndKeepsCredentialsHostsAndOptions() {
		assertThat(ConnectionStrings.withDatabase(
				"mongodb://us%2Fer:p%40ss@h1:27017,h2:27018/other?replicaSet=rs0&authSource=admin", "billforge"))
			.isEqualTo("mongodb://us%2Fer:p%40ss@h1:27017,h2:27018/billforge?replicaSet=rs0&authSource=admin");
		assertThat(ConnectionStrings.withDatabase("mongodb+srv://u:p@cluster.example.net/?retryWrites=true", "db"))
			.isEqualTo("mongodb+srv://u:p@cluster.example.net/db?retryWrites=true");
	}

	@Test
	void rejectsSomethingThatIsNotAConnectionString() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConnectionStrings.withDatabase("localhost", "db"));
	}

}
