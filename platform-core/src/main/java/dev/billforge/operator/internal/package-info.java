/** Storage of the operator audit log. */
package dev.billforge.operator.internal;
