package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.billforge.accounts.Account;
import dev.billforge.accounts.Accounts;
import dev.billforge.accounts.EmailAddress;
import dev.billforge.branding.Brand;
import dev.billforge.common.ProblemException;
import dev.billforge.notifications.MailLinks;
import dev.billforge.notifications.Notifications;
import dev.billforge.orgs.Invitation;
import dev.billforge.orgs.IssuedInvitation;
import dev.billforge.orgs.Membership;
import dev.billforge.orgs.Memberships;
import dev.billforge.orgs.Role;

/** Members, roles, invitations by emailed link, removing members and leaving. */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class MembersController {

	static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

	private final OrgContexts contexts;

	private final Memberships memberships;

	private final Notifications notifications;

	private final Brand brand;

	private final MessageSource messages;

	private final ObjectProvider<Accounts> accounts;

	private final MailLinks links;

	MembersController(OrgContexts contexts, Memberships memberships, Notifications notifications, Brand brand,
			MessageSource messages, ObjectProvider<Accounts> accounts, MailLinks links) {
		this.links = links;
		this.contexts = contexts;
		this.memberships = memberships;
		this.notifications = notifications;
		this.brand = brand;
		this.messages = messages;
		this.accounts = accounts;
	}

	@GetMapping("/members")
	String members(HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request);
		model.addAttribute("members", memberships.members(ctx.orgId()));
		model.addAttribute("invitations",
				ctx.role().canManageMembers() ? memberships.pendingInvitations(ctx.orgId()) : List.of());
		model.addAttribute("roles", Role.values());
		return "members";
	}

	@PostMapping("/members/invite")
	String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "member") String role,
			HttpServletRequest request, RedirectAttributes flash) {
		OrgContext ctx = contexts.require(request).require(Role::canManageMembers);
		Role wanted = Role.fromCode(role);
		if (wanted == Role.OWNER && ctx.role() != Role.OWNER) {
			throw new ProblemException(403, "role_required", "only owners can invite owners");
		}
		if (EmailAddress.parse(email).isEmpty()) {
			flash.addFlashAttribute("problem", "invalid_email");
			return "redirect:/members";
		}
		IssuedInvitation issued = memberships.invite(ctx.orgId(), email, wanted, ctx.email(), INVITATION_VALIDITY);
		// From the configured public base URL, never from this request's Host header.
		String link = links.to("/invitations/accept?token=" + issued.token());
		Invitation invitation = issued.invitation();
		Locale language = invitationLanguage(invitation.email());
		String expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(language)
			.withZone(ctx.org().timeZone())
			.format(invitation.expiresAt()) + " (" + ctx.org().timeZone().getId() + ")";
		notifications.sendMail("invitation:" + invitation.id(), List.of(invitation.email()),
				messages.getMessage("mail.invitation.subject",
						new Object[] { brand.productName(), ctx.email(), ctx.org().name() }, language),
				messages.getMessage("mail.invitation.body",
						new Object[] { brand.productName(), ctx.email(), ctx.org().name(),
								messages.getMessage("role." + invitation.role().code(), null, language), link,
								expires },
						language));
		flash.addFlashAttribute("invited", invitation.email());
		return "redirect:/members";
	}

	/**
	 * The invitee's language when they already have a local account, otherwise the
	 * inviter's (the page's language: most invitations go to colleagues who share it).
	 */
	private Locale invitationLanguage(String invitee) {
		Accounts local = accounts.getIfAvailable();
		Locale known = local == null ? null : local.find(invitee).map(Account::language).orElse(null);
		return known != null ? known : LocaleContextHolder.getLocale();
	}

	@PostMapping("/members/invitations/{id}/revoke")
	String revoke(@PathVariable String id, HttpServletRequest request) {
		OrgContext ctx = contexts.require(request).require(Role::canManageMembers);
		memberships.revokeInvitation(ctx.orgId(), id);
		return "redirect:/members";
	}

	@PostMapping("/members/role")
	String changeRole(@RequestParam String member, @RequestParam String role, HttpServletRequest request) {
		OrgContext ctx = contexts.require(request).require(Role::canManageMembers);
		Membership target = memberships.find(ctx.orgId(), member)
			.orElseThrow(() -> ProblemException.notFound("member"));
		Role wanted = Role.fromCode(role);
		if ((target.role() == Role.OWNER || wanted == Role.OWNER) && ctx.role() != Role.OWNER) {
			throw new ProblemException(403, "role_required", "only owners can change owners");
		}
		memberships.changeRole(ctx.orgId(), member, wanted);
		return "redirect:/members";
	}

	@PostMapping("/members/remove")
	String remove(@RequestParam String member, HttpServletRequest request) {
		OrgContext ctx = contexts.require(request).require(Role::canManageMembers);
		Membership target = memberships.find(ctx.orgId(), member)
			.orElseThrow(() -> ProblemException.notFound("member"));
		if (target.role() == Role.OWNER && ctx.role() != Role.OWNER) {
			throw new ProblemException(403, "role_required", "only owners can remove owners");
		}
		memberships.remove(ctx.orgId(), member);
		return "redirect:/members";
	}

	@PostMapping("/members/leave")
	String leave(HttpServletRequest request) {
		OrgContext ctx = contexts.require(request);
		memberships.remove(ctx.orgId(), ctx.subject());
		request.getSession().removeAttribute(OrgContexts.SESSION_ORG);
		return "redirect:/";
	}

	@GetMapping("/invitations/accept")
	String acceptForm(@RequestParam(defaultValue = "") String token, Model model) {
		Invitation invitation = memberships.invitation(token)
			.orElseThrow(() -> new ProblemException(404, "invitation_invalid", "this invitation link is not valid"));
		model.addAttribute("invitation", invitation);
		model.addAttribute("token", token);
		return "invitation";
	}

	/**
	 * Only a verified address that is the invited one joins (local accounts are verified
	 * by the account filter).
	 */
	@PostMapping("/invitations/accept")
	String accept(@RequestParam(defaultValue = "") String token, HttpServletRequest request) {
		OrgContexts.Person person = OrgContexts.signedIn().orElseThrow();
		if (!person.emailVerified()) {
			throw new ProblemException(403, "email_unverified", "confirm your email address first");
		}
		Membership membership = memberships.accept(token, person.subject(), person.email());
		contexts.choose(request, membership.orgId());
		return "redirect:/";
	}

}
