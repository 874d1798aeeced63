/**
 * Test support shared through platform-core's test-jar:
 * {@link dev.billforge.testsupport.TestApplication},
 * {@link dev.billforge.testsupport.BillforgeIntegrationTest} and
 * {@link dev.billforge.testsupport.TestStorage}, which give every test context fresh
 * storage on the embedded server, or on the real MongoDB named by env {@code MONGODB_URI}
 * when it is set, so the same tests run against both.
 */
package dev.billforge.testsupport;
