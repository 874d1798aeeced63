package dev.billforge.outcomes.internal;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.billforge.web.ProductNavItem;

/**
 * The review queue's link in the navigation, only where the tenant configured an outcome
 * type.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OutcomePagesNav.OnOutcomeTypes.class)
class OutcomePagesNav {

	@Bean
	ProductNavItem outcomesNavItem() {
		return new ProductNavItem("/outcomes", "outcomes.nav");
	}

	static class OnOutcomeTypes implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return Binder.get(context.getEnvironment())
				.bind("billforge.outcomes.types", Bindable.mapOf(String.class, Object.class))
				.map(types -> !types.isEmpty())
				.orElse(false);
		}

	}

}
