/**
 * What a DocRouter job costs in SPUs: the page floor, the LLM cost from a versioned model
 * price table with a markup, and the upper-bound estimate a job holds before it runs.
 */
package dev.billforge.docrouter.pricing;
