/** Storage of the operator audit log; the {@code rollups rebuild} command. */
package dev.billforge.operator.internal;
