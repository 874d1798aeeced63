/**
 * The emulator's object store (JSON trees by kind and id) and its atomic JSON snapshot on
 * disk.
 */
package dev.billforge.stripe.emulator.internal.store;
