package dev.billforge.storage.internal;

import com.mongodb.ConnectionString;

/**
 * Puts a database name into a MongoDB connection string (liquibase-mongodb requires one
 * in its URL, while Boot lets {@code spring.mongodb.database} name it separately).
 */
public final class ConnectionStrings {

	private ConnectionStrings() {
	}

	public static String withDatabase(String uri, String database) {
		int schemeEnd = uri.indexOf("://");
		if (schemeEnd < 0) {
			throw new IllegalArgumentException("Not a MongoDB connection string: " + new ConnectionString(uri));
		}
		int queryStart = uri.indexOf('?', schemeEnd + 3);
		String base = queryStart < 0 ? uri : uri.substring(0, queryStart);
		String query = queryStart < 0 ? "" : uri.substring(queryStart);
		// Hosts and percent-encoded credentials contain no '/', so the first one after
		// the scheme starts the path.
		int pathStart = base.indexOf('/', schemeEnd + 3);
		String hosts = pathStart < 0 ? base : base.substring(0, pathStart);
		String result = hosts + "/" + database + query;
		new ConnectionString(result); // validates
		return result;
	}

}
