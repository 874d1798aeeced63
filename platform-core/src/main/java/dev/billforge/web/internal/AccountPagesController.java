package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.accounts.Accounts;
import dev.billforge.common.ProblemException;
import dev.billforge.identity.ConditionalOnKeycloakLogin;

/**
 * Sign-in, sign-up and password reset pages for local accounts (not in Keycloak mode).
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
@ConditionalOnKeycloakLogin(false)
class AccountPagesController {

	private final Accounts accounts;

	AccountPagesController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		String error = request.getParameter("error");
		if ("locked".equals(error)) {
			model.addAttribute("loginError", "throttled");
		}
		else if (error != null) {
			model.addAttribute("loginError", "bad_credentials");
		}
		return "account/login";
	}

	@GetMapping("/signup")
	String signUpForm(Model model) {
		model.addAttribute("minLength", accounts.minimumPasswordLength());
		return "account/signup";
	}

	/**
	 * The same answer whether or not the address has an account (that is told by mail):
	 * the next step is always the verification mail.
	 */
	@PostMapping("/signup")
	String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			Model model) {
		try {
			accounts.signUp(email, password, LocaleContextHolder.getLocale());
			return "redirect:/login?registered";
		}
		catch (ProblemException ex) {
			model.addAttribute("minLength", accounts.minimumPasswordLength());
			model.addAttribute("email", email);
			model.addAttribute("problem", ex.code());
			return "account/signup";
		}
	}

	@GetMapping("/password-reset")
	String resetRequestForm() {
		return "account/reset-request";
	}

	/**
	 * The link in the mail comes from the configured public base URL, never from this
	 * request's Host header.
	 */
	@PostMapping("/password-reset")
	String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		try {
			accounts.requestPasswordReset(email, request.getRemoteAddr(), LocaleContextHolder.getLocale());
			model.addAttribute("sent", true);
		}
		catch (ProblemException ex) {
			model.addAttribute("problem", ex.code());
		}
		return "account/reset-request";
	}

	@GetMapping("/password-reset/{token}")
	String resetForm(@PathVariable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("minLength", accounts.minimumPasswordLength());
		return "account/reset";
	}

	@PostMapping("/password-reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model) {
		try {
			accounts.resetPassword(token, password);
			return "redirect:/login?reset";
		}
		catch (ProblemException ex) {
			model.addAttribute("token", token);
			model.addAttribute("minLength", accounts.minimumPasswordLength());
			model.addAttribute("problem", ex.code());
			return "account/reset";
		}
	}

	/** Where an account whose address is not verified yet lands after signing in. */
	@GetMapping("/check-mail")
	String checkMail(Model model) {
		model.addAttribute("signedIn", OrgContexts.signedInEmail().isPresent());
		return "account/check-mail";
	}

	@PostMapping("/check-mail/resend")
	String resend(Model model) {
		OrgContexts.signedInEmail()
			.ifPresent(email -> accounts.resendVerification(email, LocaleContextHolder.getLocale()));
		model.addAttribute("signedIn", true);
		model.addAttribute("resent", true);
		return "account/check-mail";
	}

	@GetMapping("/verify-email/{token}")
	String verify(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			accounts.verifyEmail(token);
			return OrgContexts.signedInEmail().isPresent() ? "redirect:/" : "redirect:/login?verified";
		}
		catch (ProblemException ex) {
			response.setStatus(ex.status()); // a used, expired or made-up link is a
												// refusal, not a page like any other
			model.addAttribute("signedIn", OrgContexts.signedInEmail().isPresent());
			model.addAttribute("problem", ex.code());
			return "account/check-mail";
		}
	}

}
