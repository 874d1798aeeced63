package dev.billforge.orgs;

/** A newly created API key: {@code key} is the secret, shown this once. */
public record IssuedApiKey(String id, String key, String prefix) {
}
