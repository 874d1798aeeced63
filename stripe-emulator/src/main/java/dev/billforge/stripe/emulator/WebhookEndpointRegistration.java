package dev.billforge.stripe.emulator;

/**
 * A webhook endpoint registered with the emulator.
 *
 * @param id the endpoint id ({@code we_...})
 * @param secret the signing secret ({@code whsec_...}) to verify {@code Stripe-Signature}
 * with
 */
public record WebhookEndpointRegistration(String id, String secret) {
}
