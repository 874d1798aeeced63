/**
 * Branding: owns the brand pack of a tenant (brand.yml, logo, favicon, message overrides)
 * — its model ({@link dev.billforge.branding.Brand} and the value records), loading from
 * the classpath or a mounted directory, validation
 * ({@link dev.billforge.branding.BrandPackValidator}) and the generator's default pack
 * writer ({@link dev.billforge.branding.BrandPackWriter}). Spring wiring lives in
 * {@code autoconfigure}; parsing and rendering details in {@code internal}.
 */
package dev.billforge.branding;
