package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dev.billforge.accounts.Account;
import dev.billforge.accounts.Accounts;
import dev.billforge.common.ProblemException;
import dev.billforge.notifications.Notifications;
import dev.billforge.valuemetric.ValueMetric;

/**
 * The bell (htmx fragment), the inbox, the mail outbox of the embedded default. (The
 * org's audit log page is the operator module's.)
 */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class NotificationsController {

	private final OrgContexts contexts;

	private final Notifications notifications;

	private final ValueMetric metric;

	private final ObjectProvider<Accounts> accounts;

	NotificationsController(OrgContexts contexts, Notifications notifications, ValueMetric metric,
			ObjectProvider<Accounts> accounts) {
		this.accounts = accounts;
		this.contexts = contexts;
		this.notifications = notifications;
		this.metric = metric;
	}

	@GetMapping("/notifications/bell")
	String bell(HttpServletRequest request, Model model) {
		contexts.current(request)
			.ifPresent(ctx -> model.addAttribute("unread", notifications.unreadCount(ctx.orgId())));
		return "fragments/bell :: bell";
	}

	@GetMapping("/notifications")
	String inbox(HttpServletRequest request, Model model) {
		OrgContext ctx = contexts.require(request);
		model.addAttribute("items", notifications.inbox(ctx.orgId(), 50));
		model.addAttribute("metric", metric);
		return "notifications";
	}

	@PostMapping("/notifications/{id}/read")
	String markRead(@PathVariable String id, HttpServletRequest request) {
		OrgContext ctx = contexts.require(request);
		notifications.markRead(ctx.orgId(), id);
		return "redirect:/notifications";
	}

	/**
	 * The development outbox (embedded default without SMTP; otherwise not found). Mail
	 * is personal: a person sees only mail to their own address sent since their account
	 * exists (an invitation sent before someone signed up with the address is not
	 * theirs); operators get no wider view.
	 */
	@GetMapping("/outbox")
	String outbox(Model model) {
		if (!notifications.outboxInUse()) {
			throw ProblemException.notFound("page");
		}
		String me = OrgContexts.signedInEmail().orElseThrow();
		Accounts local = accounts.getIfAvailable();
		Instant since = local == null ? Instant.EPOCH : local.find(me).map(Account::createdAt).orElse(Instant.MAX);
		model.addAttribute("mails", notifications.outboxFor(me, since, 50));
		return "outbox";
	}

}
