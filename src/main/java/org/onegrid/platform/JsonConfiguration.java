package org.onegrid.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/** The JSON converter of the API: Boot's ObjectMapper (spring.jackson.* settings), whole bodies. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter jsonConverter(ObjectMapper json) {
        return new WholeBodyJsonConverter(json);
    }
}
