package dev.billforge.notifications;

import java.util.List;

import dev.billforge.orgs.OrgId;

/** Who gets alert emails for an org (e.g. its owners and billing members). */
public interface AlertRecipients {

	List<String> emails(OrgId org);

}
