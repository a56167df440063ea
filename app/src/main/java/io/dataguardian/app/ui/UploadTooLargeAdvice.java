package io.dataguardian.app.ui;

import io.dataguardian.app.job.ScanJobProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the limit fails before any controller is chosen, so a package-scoped advice never sees it. This
 * one sees it first: a page upload gets the 413 page naming the limit; the API keeps its JSON answer (the same
 * body as {@code ApiExceptionHandler}).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLargeAdvice {

    private final long maxUploadBytes;

    UploadTooLargeAdvice(ScanJobProperties properties) {
        this.maxUploadBytes = properties.maxUploadSize().toBytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        long mb = maxUploadBytes / (1024 * 1024);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
            body.put("message", "the upload is larger than the limit of " + mb + " MB (dataguardian.scan.max-upload-size)");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ModelAndView mav = new ModelAndView("error/413");
        mav.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        mav.addObject("status", 413);
        mav.addObject("maxUploadMb", mb);
        return mav;
    }
}
