/** Controllers, page models, the usage chart and the web app's Spring wiring. */
package dev.billforge.web.internal;
