// The resources are attached to this library by qt_add_resources; this translation unit only
// exists because a static library needs at least one source.
namespace vtaskmon_resources_anchor {
int anchor = 0;
}
