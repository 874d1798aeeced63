package dev.billforge.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brand values the Keycloak login theme is derived from.
 *
 * @param productName  shown as the realm's display name and in the theme
 * @param primaryColor #RGB or #RRGGBB
 * @param logoSvg      SVG document text, or null for a text-only header
 */
public record LoginBrand(String productName, String primaryColor, String logoSvg) {

    private static final Pattern HEX_COLOUR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final int MAX_LOGO_CHARS = 256 * 1024;

    public LoginBrand {
        if (productName == null || productName.isBlank()) {
            throw new IllegalArgumentException("Login brand: product name is empty");
        }
        productName = productName.strip();
        if (primaryColor == null || !HEX_COLOUR.matcher(primaryColor.strip()).matches()) {
            throw new IllegalArgumentException("Login brand: primary colour must be #RGB or #RRGGBB, got '" + primaryColor + "'");
        }
        primaryColor = normalise(primaryColor.strip());
        if (logoSvg != null && logoSvg.isBlank()) {
            logoSvg = null;
        }
        if (logoSvg != null) {
            String lower = logoSvg.toLowerCase(Locale.ROOT);
            if (!lower.contains("<svg")) {
                throw new IllegalArgumentException("Login brand: logo is not an SVG document (no <svg> element)");
            }
            if (lower.contains("<script") || lower.contains("javascript:")) {
                throw new IllegalArgumentException("Login brand: logo SVG must not contain scripts");
            }
            if (logoSvg.length() > MAX_LOGO_CHARS) {
                throw new IllegalArgumentException("Login brand: logo SVG is larger than 256 KiB");
            }
        }
    }

    /** #abc → #AABBCC, so equal colours give equal theme files. */
    private static String normalise(String colour) {
        String hex = colour.substring(1).toUpperCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return "#" + hex;
    }
}
