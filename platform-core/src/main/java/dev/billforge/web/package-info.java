/**
 * The server-rendered web app every tenant shares (Thymeleaf + htmx), branded per tenant:
 * sign-in pages for local accounts, onboarding, org switching, members and invitations,
 * API keys, the usage dashboard, billing, notifications and the org's audit log. Tenants
 * put their own pages inside it with the public {@link dev.billforge.web.ProductPage},
 * {@link dev.billforge.web.WebOrgs} / {@link dev.billforge.web.CurrentOrg} and
 * {@link dev.billforge.web.ProductNavItem}. See {@code docs/web.md}.
 */
package dev.billforge.web;
