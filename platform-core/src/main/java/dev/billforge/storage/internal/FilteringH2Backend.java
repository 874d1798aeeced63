package dev.billforge.storage.internal;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server, with one fix: {@code listCollections} honours its {@code filter}
 * (upstream returns every collection). liquibase-mongodb asks "does DATABASECHANGELOG exist?" with such a
 * filter, and without this fix its second run fails.
 */
public class FilteringH2Backend extends H2Backend {

	public FilteringH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new FilteringH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

	static final class FilteringH2Database extends H2Database {

		private static final QueryMatcher MATCHER = new DefaultQueryMatcher();

		FilteringH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
			super(databaseName, store, cursorRegistry);
		}

		@Override
		public Document handleCommand(Channel channel, String command, Document query,
				DatabaseResolver databaseResolver, Oplog oplog) {
			Document response = super.handleCommand(channel, command, query, databaseResolver, oplog);
			if ("listCollections".equals(command) && query.get("filter") instanceof Document filter
					&& !filter.isEmpty() && response.get("cursor") instanceof Document cursor
					&& cursor.get("firstBatch") instanceof List<?> batch) {
				cursor.put("firstBatch", batch.stream()
					.filter(entry -> entry instanceof Document doc && MATCHER.matches(doc, filter))
					.toList());
			}
			return response;
		}

	}

}
