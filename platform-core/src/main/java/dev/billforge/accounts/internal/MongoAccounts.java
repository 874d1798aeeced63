package dev.billforge.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.billforge.accounts.Account;
import dev.billforge.accounts.Accounts;
import dev.billforge.accounts.AccountsProperties;
import dev.billforge.accounts.EmailAddress;
import dev.billforge.branding.Brand;
import dev.billforge.common.ProblemException;
import dev.billforge.notifications.Notifications;

/** Accounts keyed by lower-case email; passwords only as BCrypt hashes; reset tokens only as SHA-256. */
final class MongoAccounts implements Accounts {

	static final String ACCOUNTS = "accounts";

	static final String RESETS = "account_password_resets";

	/** BCrypt reads at most 72 bytes; longer passwords would be silently truncated. */
	static final int MAX_PASSWORD_BYTES = 72;

	private final MongoCollection<Document> accounts;

	private final MongoCollection<Document> resets;

	private final PasswordEncoder encoder;

	private final Notifications notifications;

	private final AccountsProperties properties;

	private final Brand brand;

	private final Clock clock;

	private final Throttle resetThrottle;

	private final SecureRandom random = new SecureRandom();

	/** The app's bundles with the brand's overrides: mail texts in the recipient's language. */
	private final MessageSource messages;

	MongoAccounts(MongoTemplate mongo, PasswordEncoder encoder, Notifications notifications, AccountsProperties properties,
			Brand brand, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.accounts = mongo.getCollection(ACCOUNTS);
		this.resets = mongo.getCollection(RESETS);
		this.encoder = encoder;
		this.notifications = notifications;
		this.properties = properties;
		this.brand = brand;
		this.clock = clock;
		this.resetThrottle = new Throttle(properties.maxResetRequests(), properties.throttleWindow(), clock);
	}

	static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public Account signUp(String email, String password, Locale language) {
		String address = EmailAddress.parse(email)
			.orElseThrow(() -> new ProblemException(400, "invalid_email", "enter a valid email address", "email"))
			.value();
		requireGoodPassword(password);
		Document doc = new Document("_id", address).append("passwordHash", encoder.encode(password))
			.append("createdAt", clock.instant().toString());
		if (language != null && !language.getLanguage().isEmpty()) {
			doc.append("language", language.getLanguage());
		}
		try {
			accounts.insertOne(doc);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				throw new ProblemException(409, "email_taken", "an account with this email exists", "email");
			}
			throw ex;
		}
		return account(doc);
	}

	private void requireGoodPassword(String password) {
		if (password == null || password.codePointCount(0, password.length()) < properties.minimumPasswordLength()) {
			throw new ProblemException(400, "password_too_short",
					"the password needs at least " + properties.minimumPasswordLength() + " characters", "password");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new ProblemException(400, "password_too_long", "the password may have at most 72 bytes", "password");
		}
	}

	@Override
	public Optional<Account> find(String email) {
		return Optional.ofNullable(accounts.find(Filters.eq("_id", normalise(email))).first()).map(this::account);
	}

	Optional<String> passwordHash(String email) {
		return Optional.ofNullable(accounts.find(Filters.eq("_id", normalise(email))).first())
			.map(d -> d.getString("passwordHash"));
	}

	@Override
	public void requestPasswordReset(String email, String linkBase, Locale requesterLanguage) {
		String address = normalise(email);
		if (!resetThrottle.tryAcquire(address)) {
			throw new ProblemException(429, "throttled", "too many reset requests; try again later");
		}
		Optional<Account> account = find(address);
		if (account.isEmpty()) {
			return;
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		Instant expires = clock.instant().plus(properties.resetLinkValidity());
		resets.insertOne(new Document("_id", hash(token)).append("email", address)
			.append("expiresAt", expires.toString())
			.append("used", false));
		Locale language = account.get().language() != null ? account.get().language()
				: requesterLanguage == null ? Locale.ENGLISH : requesterLanguage;
		String product = brand.productName();
		notifications.sendMail("password-reset:" + hash(token), List.of(address),
				messages.getMessage("mail.reset.subject", new Object[] { product }, language),
				messages.getMessage("mail.reset.body", new Object[] { product,
						String.valueOf(properties.resetLinkValidity().toMinutes()), linkBase + token }, language));
	}

	@Override
	public void resetPassword(String token, String newPassword) {
		if (token == null || token.isBlank()) {
			throw new ProblemException(400, "reset_invalid", "this reset link is not valid");
		}
		Document reset = resets.find(Filters.eq("_id", hash(token))).first();
		if (reset == null || reset.getBoolean("used", false)
				|| !clock.instant().isBefore(Instant.parse(reset.getString("expiresAt")))) {
			throw new ProblemException(400, "reset_invalid", "this reset link is not valid or has expired");
		}
		requireGoodPassword(newPassword);
		var claimed = resets.updateOne(Filters.and(Filters.eq("_id", hash(token)), Filters.eq("used", false)),
				Updates.set("used", true));
		if (claimed.getModifiedCount() == 0) {
			throw new ProblemException(400, "reset_invalid", "this reset link was already used");
		}
		accounts.updateOne(Filters.eq("_id", reset.getString("email")),
				Updates.set("passwordHash", encoder.encode(newPassword)));
	}

	@Override
	public int minimumPasswordLength() {
		return properties.minimumPasswordLength();
	}

	private Account account(Document doc) {
		String email = doc.getString("_id");
		String language = doc.getString("language");
		return new Account(email, Instant.parse(doc.getString("createdAt")), properties.operators().contains(email),
				language == null ? null : Locale.forLanguageTag(language));
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
