package dev.billforge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * How {@link IndexCoverage} judges a command against the indexes the changelogs declare.
 */
class IndexCoverageTest {

	private final DeclaredIndexes indexes = DeclaredIndexes.onClassPath();

	private QueryShape only(String command, String body) {
		List<QueryShape> shapes = IndexCoverage.shapes(command, BsonDocument.parse(body));
		assertThat(shapes).hasSize(1);
		return shapes.get(0);
	}

	@Test
	void aFilterIsServedWhenAnIndexLeadsWithOneOfItsFields() {
		assertThat(only("find", "{find: 'notifications', filter: {orgId: 'o', read: false}}").servedBy(indexes))
			.isTrue();
		assertThat(only("find", "{find: 'orgs', filter: {_id: 'o'}}").servedBy(indexes)).isTrue();
		assertThat(only("aggregate",
				"{aggregate: 'orgs', pipeline: [{$match: {createdBy: 's', freeTier: true}}, {$group: {_id: 1}}]}")
			.servedBy(indexes)).as("0130-indexes.yaml").isTrue();
		assertThat(only("find", "{find: 'notifications', filter: {read: false}}").servedBy(indexes))
			.as("read is the index's second key, not its first")
			.isFalse();
	}

	@Test
	void aScanIsServedOnlyWhenItWalksAnIndexInOrder() {
		assertThat(only("find", "{find: 'mail_outbox', filter: {}, sort: {createdAt: -1}}").servedBy(indexes)).isTrue();
		assertThat(only("find", "{find: 'mail_outbox', filter: {}}").servedBy(indexes)).isFalse();
		assertThat(only("aggregate", "{aggregate: 'usage_rollups', pipeline: [{$group: {_id: '$orgId'}}]}")
			.servedBy(indexes)).isFalse();
	}

	@Test
	void everyAlternativeOfAnOrMustBeServed() {
		assertThat(only("find", "{find: 'orgs', filter: {$or: [{_id: 'a'}, {createdBy: 'b'}]}}").servedBy(indexes))
			.isTrue();
		assertThat(only("find", "{find: 'orgs', filter: {$or: [{_id: 'a'}, {name: 'b'}]}}").servedBy(indexes))
			.isFalse();
		assertThat(only("find", "{find: 'orgs', filter: {$and: [{name: 'b'}, {_id: 'a'}]}}").servedBy(indexes))
			.isTrue();
	}

	@Test
	void writesAreJudgedByEachStatementsFilterAndLiquibaseIsIgnored() {
		List<QueryShape> updates = IndexCoverage.shapes("update", BsonDocument
			.parse("{update: 'outcomes', updates: [{q: {orgId: 'o'}, u: {}}, {q: {summary: 'x'}, u: {}}]}"));
		assertThat(updates).extracting(shape -> shape.servedBy(indexes)).containsExactly(true, false);
		assertThat(updates.get(1).signature()).isEqualTo("outcomes update {summary}");
		assertThat(IndexCoverage.shapes("find", BsonDocument.parse("{find: 'DATABASECHANGELOG', filter: {}}")))
			.isEmpty();
		assertThat(IndexCoverage.shapes("insert", BsonDocument.parse("{insert: 'orgs', documents: [{_id: 'o'}]}")))
			.isEmpty();
	}

}
