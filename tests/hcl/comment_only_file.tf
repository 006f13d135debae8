  # This file intentionally contains only comments.
   // Nothing else.
 /* Really
 nothing. */
