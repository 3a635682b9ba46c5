package org.onegrid.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Spring's JSON converter, writing each response whole: the JSON is serialised into memory and
 * sent with its {@code Content-Length} in one write, instead of a chunked body flushed by
 * Jackson and closed by a second write with the last chunk. The API's answers are small (a case,
 * a page of a list, a problem document), so holding one in memory costs little, and every
 * response saves a socket write and the client a read; on this platform's two-core reference
 * machine that is several per cent of intake throughput (docs/benchmarks.md).
 * Spring Boot uses this converter in place of its own because it is the application's
 * {@link MappingJackson2HttpMessageConverter} bean ({@link JsonConfiguration}).
 */
final class WholeBodyJsonConverter extends MappingJackson2HttpMessageConverter {

    WholeBodyJsonConverter(ObjectMapper json) {
        super(json);
    }

    @Override
    protected void writeInternal(Object object, Type type, HttpOutputMessage outputMessage) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return outputMessage.getHeaders();
            }
        });
        outputMessage.getHeaders().setContentLength(body.size());
        body.writeTo(outputMessage.getBody());
    }
}
