/**
 * Storage of the operator audit log; the {@code rollups rebuild} and
 * {@code backup export/import} commands.
 */
package dev.billforge.operator.internal;
