package dev.billforge.storage;

import dev.billforge.testsupport.TestApplication;
import dev.billforge.testsupport.TestStorage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static dev.billforge.storage.StorageTestSupport.changelogEntries;
import static org.assertj.core.api.Assertions.assertThat;

class TwoInstancesIT {

	@Test
	void twoRunningInstancesShareOneDatabaseAndMigrateItOnce() {
		try (TestStorage storage = TestStorage.shared();
				ConfigurableApplicationContext first = storage.run(TestApplication.class);
				ConfigurableApplicationContext second = storage.run(TestApplication.class)) {
			assertThat(changelogEntries(second)).hasSameSizeAs(changelogEntries(first));
			assertThat(changelogEntries(second)).extracting(entry -> entry.getString("id")).doesNotHaveDuplicates();

			first.getBean(MongoTemplate.class).getCollection("notes").insertOne(new Document("_id", "from-first"));
			assertThat(second.getBean(MongoTemplate.class)
				.getCollection("notes")
				.countDocuments(new Document("_id", "from-first"))).isEqualTo(1);
		}
	}

}
