package dev.billforge.docrouter.documents.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.billforge.web.ProductNavItem;

/** DocRouter's link in the web app's main navigation. */
@Configuration(proxyBeanMethods = false)
class DocumentPagesNav {

	@Bean
	ProductNavItem documentsNavItem() {
		return new ProductNavItem("/docrouter/documents", "docrouter.nav.documents");
	}

}
