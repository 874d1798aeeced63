/** Storage, rules, API, pages and the window sweep of outcomes. */
package dev.billforge.outcomes.internal;
