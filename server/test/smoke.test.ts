describe('toolchain', () => {
  it('runs on a supported Node', () => {
    const [major] = process.versions.node.split('.').map(Number);
    expect(major).toBeGreaterThanOrEqual(22);
  });
});
