package dev.billforge.storage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import dev.billforge.storage.internal.FilteringH2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Helpers shared by the storage integration tests. */
final class StorageTestSupport {

	private StorageTestSupport() {
	}

	/**
	 * A throwaway in-memory server standing in for a real MongoDB reached through a URI.
	 */
	static MongoServer startStandInMongo() {
		MongoServer server = new MongoServer(new FilteringH2Backend(new MVStore.Builder().open()));
		server.bind(new InetSocketAddress("127.0.0.1", 0));
		return server;
	}

	static String uriOf(MongoServer server) {
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
	}

	static boolean acceptsConnections(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static List<Document> changelogEntries(ConfigurableApplicationContext context) {
		return context.getBean(MongoTemplate.class)
			.getCollection("DATABASECHANGELOG")
			.find()
			.sort(new Document("orderExecuted", 1))
			.into(new ArrayList<>());
	}

}
