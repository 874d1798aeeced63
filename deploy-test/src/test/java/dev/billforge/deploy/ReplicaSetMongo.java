package dev.billforge.deploy;

import java.net.InetSocketAddress;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import dev.billforge.storage.internal.FilteringH2Backend;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's MongoDB wire-protocol server, started on its own in place of the
 * compose file's {@code mongodb} service. The compose file's URIs name the replica set
 * ({@code ?replicaSet=rs0}), and a driver given a set name ignores a server that does not
 * say it is that set's primary, so the handshake answers as the single-node replica set
 * {@code mongodb}'s health check initiates.
 */
final class ReplicaSetMongo implements AutoCloseable {

	private final MongoServer server;

	private final int port;

	ReplicaSetMongo(String setName) {
		int[] bound = new int[1];
		this.server = new MongoServer(new FilteringH2Backend(new MVStore.Builder().open()) {
			@Override
			public Document handleCommand(Channel channel, String database, String command, Document query) {
				Document reply = super.handleCommand(channel, database, command, query);
				if ("hello".equalsIgnoreCase(command) || "ismaster".equalsIgnoreCase(command)) {
					String me = "127.0.0.1:" + bound[0];
					reply.put("setName", setName);
					reply.put("setVersion", 1);
					reply.put("hosts", List.of(me));
					reply.put("primary", me);
					reply.put("me", me);
					reply.put("secondary", Boolean.FALSE);
					reply.put("isWritablePrimary", Boolean.TRUE);
				}
				return reply;
			}
		});
		server.bind(new InetSocketAddress("127.0.0.1", 0));
		this.port = server.getLocalAddress().getPort();
		bound[0] = port;
	}

	int port() {
		return port;
	}

	@Override
	public void close() {
		server.shutdownNow();
	}

}
