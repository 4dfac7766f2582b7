Component({ props: { name: "" } });
