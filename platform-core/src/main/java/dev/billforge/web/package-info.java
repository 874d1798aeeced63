/**
 * The server-rendered web app every tenant shares (Thymeleaf + htmx), branded per tenant: sign-in
 * pages for local accounts, onboarding, org switching, members and invitations, API keys, the usage
 * dashboard, billing, notifications and the org's audit log. See {@code docs/web.md}.
 */
package dev.billforge.web;
