package dev.billforge.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The operator's Bearer token ({@code billforge.api.operator-token}, env
 * {@code BILLFORGE_OPERATOR_TOKEN}). A blank value counts as unset — a compose file or an
 * {@code .env} line {@code BILLFORGE_OPERATOR_TOKEN=} turns the operator API off instead
 * of stopping the app — and a set token shorter than 32 characters stops the app, because
 * a short operator token can be guessed.
 */
public final class OperatorToken {

	static final int MIN_LENGTH = 32;

	private final byte[] token;

	private OperatorToken(String token) {
		this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The configured token: the property wins over the env variable; blank means unset.
	 */
	public static OperatorToken resolve(ApiProperties properties, Environment environment) {
		String value = Optional.ofNullable(properties.getOperatorToken())
			.filter(StringUtils::hasText)
			.orElse(environment.getProperty("BILLFORGE_OPERATOR_TOKEN"));
		if (!StringUtils.hasText(value)) {
			return new OperatorToken(null);
		}
		if (value.length() < MIN_LENGTH) {
			throw new IllegalStateException("BILLFORGE_OPERATOR_TOKEN must be at least " + MIN_LENGTH
					+ " characters (or blank to turn the operator API off)");
		}
		return new OperatorToken(value);
	}

	public boolean isSet() {
		return token != null;
	}

	/** Constant-time comparison; false when no token is configured. */
	public boolean matches(String presented) {
		return token != null && presented != null
				&& MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
	}

}
