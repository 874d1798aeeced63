/**
 * The tenant's value metric: the credit unit (e.g. DocRouter's SPU), its precision, the
 * meters with their exact rates, the free tier and alert thresholds. Rating a metered
 * quantity into credits lives here so that every module rates the same way.
 */
package dev.billforge.valuemetric;
