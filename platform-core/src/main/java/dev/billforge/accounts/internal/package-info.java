/** Account storage, throttling and the Spring Security glue for local accounts. */
package dev.billforge.accounts.internal;
