using EvoGrains.Core.Expressions;

// Core stays free of the Orleans runtime: it only marks its wire and storage types ([GenerateSerializer], [Id] on
// positional record parameters), and Orleans' code generator, which runs here, writes their serializers into this assembly.
// Types with init-only members outside a primary constructor cannot be generated from here (ORLEANS0101: another
// assembly's init accessors and backing fields are out of the generator's reach); they keep a converter in this folder.
[assembly: GenerateCodeForDeclaringAssembly(typeof(LossText))]
