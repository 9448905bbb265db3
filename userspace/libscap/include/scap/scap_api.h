/* Marks the functions libscap exports; everything else in the shared library is hidden. */
#ifndef SCAP_API_H
#define SCAP_API_H

#if defined(__GNUC__)
#define SCAP_API __attribute__((visibility("default")))
#else
#define SCAP_API
#endif

#endif
