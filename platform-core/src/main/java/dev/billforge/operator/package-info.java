/**
 * The operator's API (and later console): create orgs and keys, grant credits, set caps, verify
 * ledgers. Enabled only when an operator token is configured.
 */
package dev.billforge.operator;
