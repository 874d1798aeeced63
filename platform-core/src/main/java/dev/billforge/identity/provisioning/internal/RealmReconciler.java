package dev.billforge.identity.provisioning.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.billforge.identity.provisioning.RealmSpec;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.util.HtmlUtils;

/**
 * Brings a realm representation to the spec's realm settings. Pure: it only edits the
 * given representation and reports what it changed; the caller sends it to Keycloak when
 * non-empty.
 */
public final class RealmReconciler {

	/**
	 * Realm attribute holding a BCrypt hash of the SMTP password last applied. Keycloak
	 * never returns the password (it masks it), so the hash is how a rerun knows whether
	 * it changed.
	 */
	public static final String SMTP_PASSWORD_HASH_ATTRIBUTE = "billforge.smtpPasswordHash";

	private RealmReconciler() {
	}

	public static List<String> reconcile(RealmSpec spec, RealmRepresentation rep, PasswordEncoder hasher) {
		Changes changes = new Changes("realm " + spec.realm());
		changes.set("enabled", rep.isEnabled(), Boolean.TRUE, rep::setEnabled);
		changes.set("displayName", rep.getDisplayName(), spec.displayName(), rep::setDisplayName);
		changes.set("displayNameHtml", rep.getDisplayNameHtml(), displayNameHtml(spec.displayName()),
				rep::setDisplayNameHtml);
		changes.set("registrationAllowed", rep.isRegistrationAllowed(), Boolean.TRUE, rep::setRegistrationAllowed);
		changes.set("resetPasswordAllowed", rep.isResetPasswordAllowed(), spec.smtp() != null,
				rep::setResetPasswordAllowed);
		changes.set("loginWithEmailAllowed", rep.isLoginWithEmailAllowed(), Boolean.TRUE,
				rep::setLoginWithEmailAllowed);
		// An address grants things (invitations, the org's alert mail), so Keycloak must
		// prove it first.
		changes.set("verifyEmail", rep.isVerifyEmail(), Boolean.TRUE, rep::setVerifyEmail);
		changes.set("duplicateEmailsAllowed", rep.isDuplicateEmailsAllowed(), Boolean.FALSE,
				rep::setDuplicateEmailsAllowed);
		// Throttles repeated failed sign-ins (Keycloak's brute-force detection).
		changes.set("bruteForceProtected", rep.isBruteForceProtected(), Boolean.TRUE, rep::setBruteForceProtected);
		if (spec.theme() != null) {
			changes.set("loginTheme", rep.getLoginTheme(), spec.theme().name(), rep::setLoginTheme);
		}
		if (spec.smtp() != null) {
			reconcileSmtp(spec.smtp(), rep, hasher, changes);
		}
		return changes.entries();
	}

	/**
	 * Header of Keycloak's login page: the product name, hidden by the theme when a logo
	 * is shown.
	 */
	public static String displayNameHtml(String productName) {
		return "<div class=\"kc-logo-text\"><span>" + HtmlUtils.htmlEscape(productName) + "</span></div>";
	}

	private static void reconcileSmtp(Map<String, String> desired, RealmRepresentation rep, PasswordEncoder hasher,
			Changes changes) {
		Map<String, String> current = rep.getSmtpServer() == null ? Map.of() : rep.getSmtpServer();
		Map<String, String> merged = new LinkedHashMap<>(current);
		boolean changed = false;
		for (Map.Entry<String, String> entry : desired.entrySet()) {
			if (entry.getKey().equals("password")) {
				continue;
			}
			if (!Objects.equals(current.get(entry.getKey()), entry.getValue())) {
				changes.add("smtpServer." + entry.getKey() + " '" + nullToEmpty(current.get(entry.getKey())) + "' -> '"
						+ entry.getValue() + "'");
				merged.put(entry.getKey(), entry.getValue());
				changed = true;
			}
		}
		String password = desired.get("password");
		if (password != null && !password.isEmpty()) {
			Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>()
					: new HashMap<>(rep.getAttributes());
			String hash = attributes.get(SMTP_PASSWORD_HASH_ATTRIBUTE);
			if (hash == null || !hasher.matches(password, hash)) {
				merged.put("password", password);
				attributes.put(SMTP_PASSWORD_HASH_ATTRIBUTE, hasher.encode(password));
				rep.setAttributes(attributes);
				changes.secret("smtpServer.password");
				changed = true;
			}
		}
		if (changed) {
			rep.setSmtpServer(merged);
		}
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
