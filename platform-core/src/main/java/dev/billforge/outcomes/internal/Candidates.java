package dev.billforge.outcomes.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.billforge.common.ProblemException;
import dev.billforge.common.TextInput;
import dev.billforge.outcomes.Evidence;
import dev.billforge.outcomes.OutcomeCandidate;

/**
 * Checks a proposed outcome before anything is stored, and fingerprints it for
 * idempotency.
 */
final class Candidates {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

	private static final int MAX_ID = 128;

	private static final int MAX_SUBJECT = 300;

	private static final int MAX_URL = 2000;

	private static final int MAX_SUMMARY = 2000;

	/**
	 * How far in the future {@code occurredAt} may be (clock skew of the product's
	 * machine).
	 */
	private static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private Candidates() {
	}

	/**
	 * The candidate as stored: checked, the sha256 in lower case, {@code occurredAt} now
	 * when missing.
	 */
	static OutcomeCandidate checked(OutcomeCandidate candidate, OutcomeType type, Clock clock) {
		if (candidate.id() == null || candidate.id().length() > MAX_ID || !ID.matcher(candidate.id()).matches()) {
			throw ProblemException.invalid("id", "id is required: 1 to 128 letters, digits, '.', '_', ':' or '-'");
		}
		String subject = TextInput.required("subject", candidate.subject(), MAX_SUBJECT);
		Evidence evidence = evidence(candidate.evidence() == null ? Evidence.NONE : candidate.evidence());
		if (type.evidenceRequired() && (evidence.url() == null || evidence.sha256() == null)) {
			throw ProblemException.invalid("evidence",
					"outcomes of type " + type.name() + " need evidence with url and sha256");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		// The store keeps milliseconds: the first answer must equal every later read.
		Instant occurredAt = (candidate.occurredAt() == null ? now : candidate.occurredAt())
			.truncatedTo(ChronoUnit.MILLIS);
		if (occurredAt.isAfter(now.plus(MAX_SKEW))) {
			throw ProblemException.invalid("occurredAt", "occurredAt is in the future");
		}
		return new OutcomeCandidate(candidate.id(), type.name(), subject, evidence, occurredAt);
	}

	private static Evidence evidence(Evidence evidence) {
		String url = blankToNull(evidence.url());
		if (url != null && (url.length() > MAX_URL || !isWebLink(url))) {
			throw ProblemException.invalid("evidence.url",
					"evidence.url must be an http or https link of at most " + MAX_URL + " characters");
		}
		String sha = blankToNull(evidence.sha256());
		if (sha != null && !SHA256.matcher(sha).matches()) {
			throw ProblemException.invalid("evidence.sha256", "evidence.sha256 must be 64 hexadecimal digits");
		}
		String summary = TextInput.optional("evidence.summary", evidence.summary(), MAX_SUMMARY);
		return new Evidence(url, sha == null ? null : sha.toLowerCase(Locale.ROOT), summary);
	}

	/**
	 * Only links people can open safely (no javascript: or data:); the platform never
	 * fetches them.
	 */
	private static boolean isWebLink(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * Same content, same fingerprint: every field length-prefixed so no two contents
	 * collide by concatenation; {@code occurredAt} as the product sent it (a retry
	 * without it is the same proposal).
	 */
	static String fingerprint(OutcomeCandidate c, Instant sentOccurredAt) {
		StringBuilder text = new StringBuilder();
		for (String part : new String[] { c.type(), c.subject(), c.evidence().url(), c.evidence().sha256(),
				c.evidence().summary(), sentOccurredAt == null ? null : sentOccurredAt.toString() }) {
			text.append(part == null ? -1 : part.length()).append(':').append(part == null ? "" : part).append('|');
		}
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
