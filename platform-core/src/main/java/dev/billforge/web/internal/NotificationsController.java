package dev.billforge.web.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dev.billforge.notifications.Notifications;
import dev.billforge.valuemetric.ValueMetric;

/** The bell (htmx fragment), the inbox, the mail outbox of the embedded default. (The org's audit log page is the operator module's.) */
@ConditionalOnBooleanProperty(name = "billforge.web.enabled", matchIfMissing = true)
@Controller
class NotificationsController {

	private final OrgContexts contexts;

	private final Notifications notifications;

	private final ValueMetric metric;

	NotificationsController(OrgContexts contexts, Notifications notifications, ValueMetric metric) {
		this.contexts = contexts;
		this.notifications = notifications;
		this.metric = metric;
	}

	@GetMapping("/notifications/bell")
	String bell(HttpServletRequest request, Model model) {
		contexts.current(request).ifPresent(ctx -> model.addAttribute("unread", notifications.unreadCount(ctx.orgId())));
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

	/** Mail is personal: a person sees mail addressed to them; operators see all of it. */
	@GetMapping("/outbox")
	String outbox(Model model) {
		String me = OrgContexts.signedInEmail().orElseThrow();
		boolean all = OrgContexts.isOperator();
		model.addAttribute("mails", notifications.outbox(200)
			.stream()
			.filter(m -> all || m.to().stream().anyMatch(to -> to.equalsIgnoreCase(me)))
			.limit(50)
			.toList());
		return "outbox";
	}

}
