package dev.billforge.docrouter.extraction;

import java.time.Instant;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.billforge.docrouter.pricing.SpuPricing;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extractors. The LLM one exists only with {@code docrouter.llm.enabled=true}; Spring
 * AI's own OpenAI auto-configuration is switched off in {@code product.yml}
 * ({@code spring.ai.model.*=none}) so that nothing needs a key, or calls out, unless
 * DocRouter's LLM is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class ExtractionConfiguration {

	@Bean
	OfflineExtractor offlineExtractor() {
		return new OfflineExtractor();
	}

	@Bean
	@ConditionalOnProperty(name = "docrouter.llm.enabled", havingValue = "true")
	LlmExtractor llmExtractor(LlmProperties llm, SpuPricing pricing, JsonMapper json) {
		if (llm.getBaseUrl() == null || llm.getBaseUrl().isBlank()) {
			throw new IllegalStateException("docrouter.llm.base-url is required when docrouter.llm.enabled=true");
		}
		if (llm.getModel() == null || llm.getModel().isBlank()) {
			throw new IllegalStateException("docrouter.llm.model is required when docrouter.llm.enabled=true");
		}
		if (llm.getMaxOutputTokens() < 1 || llm.getMaxInputChars() < 1) {
			throw new IllegalStateException("docrouter.llm.max-output-tokens and max-input-chars must be at least 1");
		}
		// fails at startup, not at the first job, when the model has no price
		pricing.modelPrice(llm.getModel(), Instant.now());
		String key = llm.getApiKey() == null || llm.getApiKey().isBlank() ? "none" : llm.getApiKey();
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.baseUrl(llm.getBaseUrl())
			.apiKey(key)
			.model(llm.getModel())
			.temperature(0.0)
			.maxTokens(llm.getMaxOutputTokens())
			.timeout(llm.getTimeout())
			.maxRetries(llm.getMaxRetries())
			.responseFormat(OpenAiChatModel.ResponseFormat.builder()
				.type(OpenAiChatModel.ResponseFormat.Type.JSON_OBJECT)
				.build())
			.build();
		OpenAiChatModel chat = OpenAiChatModel.builder().options(options).build();
		return new LlmExtractor(chat, llm.getModel(), llm.getMaxInputChars(), json);
	}

}
