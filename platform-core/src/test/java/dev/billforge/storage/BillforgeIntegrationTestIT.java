package dev.billforge.storage;

import dev.billforge.testsupport.BillforgeIntegrationTest;
import dev.billforge.testsupport.TestStorage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@BillforgeIntegrationTest
class BillforgeIntegrationTestIT {

	@Autowired
	StorageMode mode;

	@Autowired
	TestStorage storage;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theTestContextRunsOnFreshMigratedStorage() {
		assertThat(mode.dataDirectory()).isEqualTo(storage.dataDirectory().toAbsolutePath().normalize());
		assertThat(mode.isEmbedded()).isEqualTo(!storage.isExternal());
		assertThat(mode.database()).isEqualTo(storage.database());
		assertThat(mongo.getDb().getName()).isEqualTo(storage.database());
		assertThat(mongo.collectionExists("shedlock")).isTrue();

		mongo.getCollection("notes").insertOne(new Document("_id", "n1"));
		assertThat(mongo.getCollection("notes").countDocuments()).isEqualTo(1);
	}

}
