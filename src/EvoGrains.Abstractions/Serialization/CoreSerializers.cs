using EvoGrains.Core.Expressions;

// Core stays free of the Orleans runtime: it only marks its wire and storage types ([GenerateSerializer], [Id]), and
// Orleans' code generator, which runs here, writes their serializers into this assembly. The generator reads Core as
// metadata, where an auto-property's backing field is private and invisible and an init accessor is not settable
// (ORLEANS0101). So a record either takes its members as positional parameters ([Id] on the parameter: the generator
// sets the backing field by name), or keeps each member in an internal readonly field with the [Id] behind an init
// property (Core's InternalsVisibleTo lets the generator see the field; it sets it through an UnsafeAccessor).
[assembly: GenerateCodeForDeclaringAssembly(typeof(LossText))]
