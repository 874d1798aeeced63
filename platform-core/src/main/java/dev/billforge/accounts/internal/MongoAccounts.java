package dev.billforge.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
import dev.billforge.accounts.OperatorSetup;
import dev.billforge.branding.Brand;
import dev.billforge.common.ProblemException;
import dev.billforge.notifications.MailLinks;
import dev.billforge.notifications.Notifications;

/**
 * Accounts keyed by lower-case email; passwords only as BCrypt hashes; reset,
 * set-password and verification tokens only as SHA-256 (each a random 256-bit secret:
 * unguessable, single use, expiring).
 */
final class MongoAccounts implements Accounts {

	static final String ACCOUNTS = "accounts";

	static final String RESETS = "account_password_resets";

	static final String VERIFICATIONS = "account_verifications";

	/** Longest address accepted (RFC 5321). */
	static final int MAX_EMAIL_LENGTH = EmailAddress.MAX_LENGTH;

	/** BCrypt reads at most 72 bytes; longer passwords would be silently truncated. */
	static final int MAX_PASSWORD_BYTES = 72;

	/** Tokens are 64 hex digits; anything longer is not looked up. */
	private static final int MAX_TOKEN_LENGTH = 128;

	private final MongoCollection<Document> accounts;

	private final MongoCollection<Document> resets;

	private final MongoCollection<Document> verifications;

	private final PasswordEncoder encoder;

	private final Notifications notifications;

	private final AccountsProperties properties;

	private final Brand brand;

	private final Clock clock;

	private final MailLinks links;

	private final SignInThrottle signIns;

	/**
	 * Mails per address (reset, verification, "you already have an account"), so no one
	 * can mail-bomb an address.
	 */
	private final Throttle mailsPerAddress;

	private final Throttle resetsPerClient;

	private final SecureRandom random = new SecureRandom();

	/**
	 * The app's bundles with the brand's overrides: mail texts in the recipient's
	 * language.
	 */
	private final MessageSource messages;

	MongoAccounts(MongoTemplate mongo, PasswordEncoder encoder, Notifications notifications,
			AccountsProperties properties, Brand brand, Clock clock, MessageSource messages, MailLinks links,
			SignInThrottle signIns) {
		this.messages = messages;
		this.accounts = mongo.getCollection(ACCOUNTS);
		this.resets = mongo.getCollection(RESETS);
		this.verifications = mongo.getCollection(VERIFICATIONS);
		this.encoder = encoder;
		this.notifications = notifications;
		this.properties = properties;
		this.brand = brand;
		this.clock = clock;
		this.links = links;
		this.signIns = signIns;
		this.mailsPerAddress = new Throttle(properties.maxResetRequests(), properties.throttleWindow(), clock);
		this.resetsPerClient = new Throttle(properties.maxResetRequestsPerClient(), properties.throttleWindow(), clock);
	}

	static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	static String validAddress(String email) {
		return EmailAddress.parse(email).orElseThrow(MongoAccounts::invalidEmail).value();
	}

	private static ProblemException invalidEmail() {
		return new ProblemException(400, "invalid_email", "enter a valid email address", "email");
	}

	@Override
	public void signUp(String email, String password, Locale language) {
		String address = validAddress(email);
		requireGoodPassword(password);
		Document doc = new Document("_id", address).append("passwordHash", encoder.encode(password))
			.append("createdAt", clock.instant().toString())
			.append("verified", false)
			.append("sessionVersion", 0);
		if (language != null && !language.getLanguage().isEmpty()) {
			doc.append("language", language.getLanguage());
		}
		try {
			accounts.insertOne(doc);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			// Told to the address, not on the page: the page must not say whether the
			// address has an account.
			if (mailsPerAddress.tryAcquire(Throttle.key("mail", address))) {
				Locale to = find(address).map(Account::language).orElse(language);
				mail("signup-exists:" + token(), address, to, "mail.signupExists", links.to("/login"),
						links.to("/password-reset"));
			}
			return;
		}
		sendVerification(address, language);
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
		if (email == null || email.length() > MAX_EMAIL_LENGTH + 10) {
			return Optional.empty();
		}
		return Optional.ofNullable(accounts.find(Filters.eq("_id", normalise(email))).first())
			.map(MongoAccounts::account);
	}

	Optional<String> passwordHash(String email) {
		return Optional.ofNullable(accounts.find(Filters.eq("_id", normalise(email))).first())
			.map(d -> d.getString("passwordHash"));
	}

	@Override
	public void resendVerification(String email, Locale requesterLanguage) {
		Optional<Account> account = find(email);
		if (account.isPresent() && !account.get().verified()
				&& mailsPerAddress.tryAcquire(Throttle.key("mail", account.get().email()))) {
			sendVerification(account.get().email(),
					account.get().language() != null ? account.get().language() : requesterLanguage);
		}
	}

	private void sendVerification(String address, Locale language) {
		String token = issue(verifications, address, properties.verificationLinkValidity(), "verify");
		mail("verify-email:" + hash(token), address, language, "mail.verify", links.to("/verify-email/" + token),
				hours(properties.verificationLinkValidity()));
	}

	@Override
	public String verifyEmail(String token) {
		Document claimed = claim(verifications, token, "verification_invalid",
				"this verification link is not valid or has expired");
		String email = claimed.getString("email");
		accounts.updateOne(Filters.eq("_id", email), Updates.set("verified", true));
		return email;
	}

	@Override
	public void requestPasswordReset(String email, String client, Locale requesterLanguage) {
		String address = normalise(email);
		if (address.length() > MAX_EMAIL_LENGTH) {
			return; // no account can have it; answered like any other address
		}
		// Both throttles count known and unknown addresses alike, so "throttled" tells
		// nothing either.
		boolean clientOk = resetsPerClient.tryAcquire(Throttle.key("client", client));
		if (!clientOk || !mailsPerAddress.tryAcquire(Throttle.key("mail", address))) {
			throw new ProblemException(429, "throttled", "too many reset requests; try again later");
		}
		Optional<Account> account = find(address);
		if (account.isEmpty()) {
			return;
		}
		String token = issue(resets, address, properties.resetLinkValidity(), "reset");
		Locale language = account.get().language() != null ? account.get().language()
				: requesterLanguage == null ? Locale.ENGLISH : requesterLanguage;
		mail("password-reset:" + hash(token), address, language, "mail.reset",
				String.valueOf(properties.resetLinkValidity().toMinutes()), links.to("/password-reset/" + token));
	}

	@Override
	public void resetPassword(String token, String newPassword) {
		Document reset = open(resets, token, "reset_invalid", "this reset link is not valid or has expired");
		requireGoodPassword(newPassword);
		claim(resets, token, "reset_invalid", "this reset link was already used");
		String email = reset.getString("email");
		// The link came by mail, so the address is proven; sessions signed in with the
		// old password end.
		accounts.updateOne(Filters.eq("_id", email),
				Updates.combine(Updates.set("passwordHash", encoder.encode(newPassword)), Updates.set("verified", true),
						Updates.inc("sessionVersion", 1)));
		signIns.unlock(email);
	}

	@Override
	public OperatorSetup createOperator(String email) {
		String address = validAddress(email);
		Instant now = clock.instant();
		// A random password nobody knows: the account is usable only after the
		// set-password link.
		String unusable = encoder.encode(token());
		Document created = new Document("_id", address).append("passwordHash", unusable)
			.append("createdAt", now.toString())
			.append("verified", false)
			.append("operator", true)
			.append("sessionVersion", 0);
		try {
			accounts.insertOne(created);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			accounts.updateOne(Filters.eq("_id", address), Updates.combine(Updates.set("operator", true),
					Updates.set("passwordHash", unusable), Updates.inc("sessionVersion", 1)));
		}
		String token = issue(resets, address, properties.operatorLinkValidity(), "operator");
		String link = links.to("/password-reset/" + token);
		Locale language = find(address).map(Account::language).orElse(Locale.ENGLISH);
		mail("operator-setup:" + hash(token), address, language, "mail.operator", link,
				hours(properties.operatorLinkValidity()));
		return new OperatorSetup(address, link, now.plus(properties.operatorLinkValidity()));
	}

	@Override
	public int minimumPasswordLength() {
		return properties.minimumPasswordLength();
	}

	private void mail(String key, String address, Locale language, String message, Object... arguments) {
		Locale in = language == null ? Locale.ENGLISH : language;
		Object[] withProduct = new Object[arguments.length + 1];
		withProduct[0] = brand.productName();
		System.arraycopy(arguments, 0, withProduct, 1, arguments.length);
		notifications.sendMail(key, List.of(address), messages.getMessage(message + ".subject", withProduct, in),
				messages.getMessage(message + ".body", withProduct, in));
	}

	private String issue(MongoCollection<Document> tokens, String email, Duration validity, String purpose) {
		String token = token();
		tokens.insertOne(new Document("_id", hash(token)).append("email", email)
			.append("purpose", purpose)
			.append("expiresAt", clock.instant().plus(validity).toString())
			.append("used", false));
		return token;
	}

	/** The open, unexpired token's record, or the given problem. */
	private Document open(MongoCollection<Document> tokens, String token, String code, String detail) {
		if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
			throw new ProblemException(400, code, detail);
		}
		Document found = tokens.find(Filters.eq("_id", hash(token))).first();
		if (found == null || found.getBoolean("used", false)
				|| !clock.instant().isBefore(Instant.parse(found.getString("expiresAt")))) {
			throw new ProblemException(400, code, detail);
		}
		return found;
	}

	/** Uses the token up: of two concurrent uses only one succeeds. */
	private Document claim(MongoCollection<Document> tokens, String token, String code, String detail) {
		Document found = open(tokens, token, code, detail);
		var claimed = tokens.updateOne(Filters.and(Filters.eq("_id", hash(token)), Filters.eq("used", false)),
				Updates.set("used", true));
		if (claimed.getModifiedCount() == 0) {
			throw new ProblemException(400, code, detail);
		}
		return found;
	}

	private String token() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static String hours(Duration validity) {
		return String.valueOf(Math.max(1, validity.toHours()));
	}

	private static Account account(Document doc) {
		String language = doc.getString("language");
		return new Account(doc.getString("_id"), Instant.parse(doc.getString("createdAt")),
				doc.getBoolean("operator", false), language == null ? null : Locale.forLanguageTag(language),
				doc.getBoolean("verified", false), doc.getInteger("sessionVersion", 0));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
