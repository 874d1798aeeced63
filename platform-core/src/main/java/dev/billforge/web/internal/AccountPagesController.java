package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.billforge.accounts.Accounts;
import dev.billforge.common.ProblemException;
import dev.billforge.identity.ConditionalOnKeycloakLogin;

/** Sign-in, sign-up and password reset pages for local accounts (not in Keycloak mode). */
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

	@PostMapping("/password-reset")
	String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
		try {
			String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/password-reset/").toUriString();
			accounts.requestPasswordReset(email, base, LocaleContextHolder.getLocale());
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

}
