/* HTML renderer: placeholder being replaced (work in progress). */
#include "emit.h"

static void S_document(struct mtai_sink *s, const struct mta_report *r,
                       const mta_render_options *ro, size_t index) {
  (void)r;
  (void)ro;
  (void)index;
  mtai_sink_puts(s, "<!DOCTYPE html>\n");
}

void mtai_html_index(struct mtai_sink *s, const struct mtai_batch *b,
                     const mta_render_options *ro) {
  (void)b;
  (void)ro;
  mtai_sink_puts(s, "<!DOCTYPE html>\n");
}

const struct mtai_renderer mtai_render_html = {NULL, S_document, NULL, NULL};
