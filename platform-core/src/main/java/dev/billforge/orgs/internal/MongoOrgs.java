package dev.billforge.orgs.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.billforge.common.ProblemException;
import dev.billforge.common.ProductProperties;
import dev.billforge.orgs.ApiKey;
import dev.billforge.orgs.IssuedApiKey;
import dev.billforge.orgs.Org;
import dev.billforge.orgs.OrgId;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.OrgsProperties;

/**
 * Orgs and API keys in MongoDB. A key is stored under the SHA-256 of its secret as
 * {@code _id}, so authentication is one lookup by id and the secret itself is never
 * stored.
 */
final class MongoOrgs implements Orgs {

	static final String ORGS = "orgs";

	static final String API_KEYS = "api_keys";

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	/**
	 * Recording every use would be a write per request; once a minute is enough to show
	 * "last used".
	 */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final MongoCollection<Document> orgs;

	private final MongoCollection<Document> keys;

	private final String keyPrefix;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();

	/**
	 * Valid keys seen recently, so an API call costs no key lookup. A revocation takes
	 * effect at once on the instance that revoked and within {@link #AUTH_CACHE_TTL} on
	 * others.
	 */
	private final Map<String, CachedKey> authenticated = new ConcurrentHashMap<>();

	static final Duration AUTH_CACHE_TTL = Duration.ofSeconds(10);

	private record CachedKey(OrgId org, Instant until) {
	}

	private final CreationSlots slots;

	MongoOrgs(MongoTemplate mongo, ProductProperties product, Clock clock, OrgsProperties limits) {
		this.slots = new CreationSlots(mongo, limits, clock);
		this.orgs = mongo.getCollection(ORGS);
		this.keys = mongo.getCollection(API_KEYS);
		this.keyPrefix = product.getTag() + "_sk_";
		this.clock = clock;
	}

	@Override
	public Org create(String name, ZoneId timeZone) {
		return insert(name, timeZone, new Document());
	}

	@Override
	public Org createFor(String subject, String name, ZoneId timeZone) {
		// Claimed in the store (not memory, not a count read first), so the limits hold
		// across instances,
		// restarts and concurrent requests.
		if (!slots.claimCreation(subject)) {
			throw new ProblemException(429, "org_limit", "too many new organisations; try again later");
		}
		long free = orgs.countDocuments(Filters.and(Filters.eq("createdBy", subject), Filters.eq("freeTier", true)));
		return insert(name, timeZone,
				new Document("createdBy", subject).append("freeTier", slots.claimFreeTier(subject, free)));
	}

	private Org insert(String name, ZoneId timeZone, Document extra) {
		Org org = new Org(OrgId.generate(), name, timeZone, Org.Status.ACTIVE, clock.instant());
		Document doc = new Document("_id", org.id().value()).append("name", name)
			.append("timeZone", timeZone.getId())
			.append("status", org.status().code())
			.append("createdAt", org.createdAt().toString());
		doc.putAll(extra);
		orgs.insertOne(doc);
		return org;
	}

	@Override
	public boolean freeTierEligible(OrgId id) {
		Document doc = orgs.find(Filters.eq("_id", id.value())).first();
		return doc != null && doc.getBoolean("freeTier", true);
	}

	@Override
	public Optional<Org> find(OrgId id) {
		return Optional.ofNullable(orgs.find(Filters.eq("_id", id.value())).first()).map(MongoOrgs::toOrg);
	}

	@Override
	public List<Org> search(String query, int limit) {
		List<Org> found = new ArrayList<>();
		var filter = query == null || query.isBlank() ? new Document() : Filters
			.or(Filters.regex("name", Pattern.quote(query.strip()), "i"), Filters.eq("_id", query.strip()));
		for (Document doc : orgs.find(filter).sort(Sorts.descending("createdAt")).limit(limit)) {
			found.add(toOrg(doc));
		}
		return found;
	}

	private static Org toOrg(Document doc) {
		return new Org(new OrgId(doc.getString("_id")), doc.getString("name"), ZoneId.of(doc.getString("timeZone")),
				Org.Status.valueOf(doc.getString("status").toUpperCase()), Instant.parse(doc.getString("createdAt")));
	}

	@Override
	public IssuedApiKey createApiKey(OrgId org, String name) {
		requireOrg(org);
		StringBuilder secret = new StringBuilder(keyPrefix);
		for (int i = 0; i < 40; i++) {
			secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		String key = secret.toString();
		String id = "key_" + HexFormat.of().formatHex(random.generateSeed(12));
		String prefix = key.substring(0, keyPrefix.length() + 6);
		keys.insertOne(new Document("_id", hash(key)).append("keyId", id)
			.append("orgId", org.value())
			.append("name", name)
			.append("prefix", prefix)
			.append("createdAt", clock.instant().toString()));
		return new IssuedApiKey(id, key, prefix);
	}

	@Override
	public List<ApiKey> apiKeys(OrgId org) {
		List<ApiKey> found = new ArrayList<>();
		for (Document doc : keys.find(Filters.eq("orgId", org.value())).sort(Sorts.descending("createdAt"))) {
			found.add(new ApiKey(doc.getString("keyId"), org, doc.getString("name"), doc.getString("prefix"),
					instant(doc, "createdAt"), instant(doc, "lastUsedAt"), instant(doc, "revokedAt")));
		}
		return found;
	}

	@Override
	public void revokeApiKey(OrgId org, String keyId) {
		Document doc = keys.findOneAndUpdate(Filters.and(Filters.eq("keyId", keyId), Filters.eq("orgId", org.value())),
				Updates.set("revokedAt", clock.instant().toString()));
		if (doc == null) {
			throw ProblemException.notFound("API key " + keyId);
		}
		authenticated.remove(doc.getString("_id"));
	}

	@Override
	public Optional<OrgId> authenticate(String presentedKey) {
		if (presentedKey == null || !presentedKey.startsWith(keyPrefix) || presentedKey.length() > 200) {
			return Optional.empty();
		}
		String id = hash(presentedKey);
		Instant now = clock.instant();
		CachedKey cached = authenticated.get(id);
		if (cached != null && cached.until().isAfter(now)) {
			return Optional.of(cached.org());
		}
		Document doc = keys.find(Filters.eq("_id", id)).first();
		if (doc == null || doc.get("revokedAt") != null) {
			authenticated.remove(id);
			return Optional.empty();
		}
		OrgId org = new OrgId(doc.getString("orgId"));
		authenticated.put(id, new CachedKey(org, now.plus(AUTH_CACHE_TTL)));
		Instant written = lastUsedWritten.get(id);
		if (written == null || written.plus(LAST_USED_RESOLUTION).isBefore(now)) {
			lastUsedWritten.put(id, now);
			keys.updateOne(Filters.eq("_id", id), Updates.set("lastUsedAt", now.toString()));
		}
		return Optional.of(org);
	}

	private void requireOrg(OrgId org) {
		if (find(org).isEmpty()) {
			throw ProblemException.notFound("org " + org);
		}
	}

	private static Instant instant(Document doc, String field) {
		String value = doc.getString(field);
		return value == null ? null : Instant.parse(value);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
