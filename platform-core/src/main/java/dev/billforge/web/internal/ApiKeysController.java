package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.billforge.orgs.IssuedApiKey;
import dev.billforge.orgs.Orgs;
import dev.billforge.orgs.Role;

/**
 * The org's API keys: create (the secret is shown once, on the response page), list,
 * revoke.
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class ApiKeysController {

	private final OrgContexts contexts;

	private final Orgs orgs;

	ApiKeysController(OrgContexts contexts, Orgs orgs) {
		this.contexts = contexts;
		this.orgs = orgs;
	}

	@GetMapping("/api-keys")
	String list(HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request).require(Role::canManageApiKeys);
		model.addAttribute("keys", orgs.apiKeys(ctx.orgId()));
		return "api-keys";
	}

	/**
	 * Renders the page directly (no redirect) so the secret never lands in a URL, session
	 * or flash.
	 */
	@PostMapping("/api-keys")
	String create(@RequestParam(defaultValue = "") String name, HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request).require(Role::canManageApiKeys);
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			model.addAttribute("problem", "invalid_key_name");
		}
		else {
			IssuedApiKey issued = orgs.createApiKey(ctx.orgId(), trimmed);
			model.addAttribute("issued", issued);
		}
		model.addAttribute("keys", orgs.apiKeys(ctx.orgId()));
		return "api-keys";
	}

	@PostMapping("/api-keys/{id}/revoke")
	String revoke(@PathVariable String id, HttpServletRequest request) {
		OrgContext ctx = contexts.require(request).require(Role::canManageApiKeys);
		orgs.revokeApiKey(ctx.orgId(), id);
		return "redirect:/api-keys";
	}

}
