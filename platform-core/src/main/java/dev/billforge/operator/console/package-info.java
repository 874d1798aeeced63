/** The operator console pages under {@code /operator} (operator role only). */
package dev.billforge.operator.console;
