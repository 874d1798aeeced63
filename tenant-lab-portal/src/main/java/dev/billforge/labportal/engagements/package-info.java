/**
 * Consulting engagements of the Lab portal: a consultant proposes an engagement with an
 * estimate, the client accepts it (its credits are held), consultants log time, the
 * client approves each week (those hours are charged against the hold) and closes the
 * engagement (the rest is released). Work beyond the estimate needs a change the client
 * approves (a new hold). The money rule is on
 * {@link dev.billforge.labportal.engagements.EngagementService}; the life cycle in
 * {@code docs/tenants/lab-portal.md}.
 */
package dev.billforge.labportal.engagements;
